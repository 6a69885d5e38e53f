/**
 * Salesforce record ids come in a case-sensitive 15-character form and a
 * case-safe 18-character form. The three extra characters encode, for each
 * block of five, which letters are upper case. We always store the 18-character
 * form so a 15-character id pasted from a report matches the record page.
 */
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID15 = /^[a-zA-Z0-9]{15}$/;
const ID18 = /^[a-zA-Z0-9]{18}$/;

function suffixFor(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(block * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

/** Restores the case of the first 15 characters from the case-safe suffix. */
function restoreCase(id18: string): string | null {
  let out = '';
  for (let block = 0; block < 3; block++) {
    const bits = SUFFIX_ALPHABET.indexOf(id18.charAt(15 + block).toUpperCase());
    if (bits < 0) return null;
    for (let i = 0; i < 5; i++) {
      const ch = id18.charAt(block * 5 + i);
      const upper = (bits >> i) & 1;
      if (/[a-z]/i.test(ch)) out += upper ? ch.toUpperCase() : ch.toLowerCase();
      else if (upper) return null; // a digit cannot be upper case: not a valid id
      else out += ch;
    }
  }
  return out;
}

/** The 18-character case-safe id, or null when the input is not a Salesforce id. */
export function toSalesforceId18(raw: string): string | null {
  const id = raw.trim();
  if (ID15.test(id)) return id + suffixFor(id);
  if (ID18.test(id)) {
    const id15 = restoreCase(id);
    return id15 ? id15 + suffixFor(id15) : null;
  }
  return null;
}

/** Account records carry the 001 key prefix. */
export const isSalesforceAccountId = (id: string): boolean => id.startsWith('001');
