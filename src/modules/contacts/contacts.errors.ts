import { defineErrors } from '../../platform/errors.ts';

export const contactError = defineErrors({
  CONTACT_NOT_FOUND: { status: 404, zh: '联系人不存在', en: 'Contact not found' },
  ALREADY_LINKED: { status: 409, zh: '该联系人已关联此客户', en: 'This contact is already linked to the customer' },
  NOT_LINKED: { status: 404, zh: '该联系人未关联此客户', en: 'This contact is not linked to the customer' },
});
