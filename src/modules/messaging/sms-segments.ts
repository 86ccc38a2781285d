// GSM 03.38 default alphabet and its extension table (each extension character costs two septets).
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€\f';

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsLength {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** Units per segment: 160/153 (GSM-7) or 70/67 (UCS-2) when concatenated. */
  perSegment: number;
}

/** How a handset counts a text: one segment up to 160 GSM-7 / 70 UCS-2 units, else parts of 153 / 67 (the UDH takes the rest). */
export function smsLength(text: string): SmsLength {
  let septets = 0;
  for (const ch of text) {
    if (GSM7_BASIC.includes(ch)) septets += 1;
    else if (GSM7_EXTENDED.includes(ch)) septets += 2;
    else return count('ucs2', text.length, 70, 67);
  }
  return count('gsm7', septets, 160, 153);
}

function count(encoding: SmsEncoding, units: number, single: number, multi: number): SmsLength {
  if (units <= single) return { encoding, units, segments: 1, perSegment: single };
  return { encoding, units, segments: Math.ceil(units / multi), perSegment: multi };
}

/**
 * Splits a text into the payloads of its concatenated parts. UCS-2 parts never split a surrogate pair;
 * GSM-7 text is sent as Latin-1-compatible bytes by the adapter, so it is split by septet count.
 */
export function splitSms(text: string): string[] {
  const { encoding, segments, perSegment } = smsLength(text);
  if (segments === 1) return [text];
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const ch of text) {
    const cost = encoding === 'ucs2' ? ch.length : GSM7_EXTENDED.includes(ch) ? 2 : 1;
    if (used + cost > perSegment) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += ch;
    used += cost;
  }
  parts.push(current);
  return parts;
}
