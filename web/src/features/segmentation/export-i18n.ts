import { registerTranslations } from '../../app/i18n.ts';

export const useSegmentationExportT = registerTranslations('segmentationExport', {
  'zh-CN': {
    title: '导出',
    profiles: '细分画像',
    assignments: '客户所属细分',
  },
  en: {
    title: 'Export',
    profiles: 'Segment profiles',
    assignments: 'Customers by segment',
  },
});
