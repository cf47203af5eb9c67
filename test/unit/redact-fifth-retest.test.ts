import { describe } from 'vitest';
import { leavesAlone, masksAs } from '../support/redaction.js';

// Spellings a fifth black-box re-test still found in clear.

describe('a landline with a bracketed area code and a split number, or after a word for a phone', () => {
  masksAs([
    ['座机(021)6666-8888，太过分了', '座机021-********，太过分了'],
    ['座机 (021) 6666 8888', '座机 021-********'],
    ['0571-8888-6666', '0571-********'],
    ['区号021 电话66668888', '区号021 电话********'],
    ['电话：6666-8888，谢谢', '电话：********，谢谢'],
    ['固话是 3661346', '固话是 *******'],
    ['tel: 6666 8888', 'tel: ********'],
    ['Phone 66668888', 'Phone ********'],
  ]);

  // A card's groups, a hotline published for everyone, the first digits of a half-hidden mobile number,
  // and numbers that are no phone's.
  leavesAlone(['客服电话 66668888', '手机号1560162xxxx', '电话费 2024 年', 'hotel 12345678']);
});

describe('a Taiwan mobile number in groups', () => {
  masksAs([
    ['台湾手机0912-345-678，太过分了', '台湾手机0912******，太过分了'],
    ['09 1234 5678', '0912******'],
    ['0912 345 678', '0912******'],
    ['0912345678', '0912******'],
  ]);
  leavesAlone(['2026-09 1234', '版本 0912-34']);
});
