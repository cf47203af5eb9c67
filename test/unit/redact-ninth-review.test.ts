import { describe } from 'vitest';
import { leavesAlone, masksAs } from '../support/redaction.js';

// Personal data a ninth black-box review found in clear, other than names in Latin letters
// (redact-latin-names.test.ts).

describe('an English street address whose street is an ordinal number', () => {
  masksAs([
    ['my address: 500 5th Ave, New York, NY 10110', 'my address: *** *** ***, New York, NY *****'],
    ['ship to 221 2nd Street, thanks', 'ship to *** *** ******, thanks'],
    ['123 5th Avenue', '*** *** ******'],
    ['12 34th St', '** **** **'],
  ]);
  // An ordinal that no street type follows.
  leavesAlone(['I bought 2 3rd party chargers', 'the 2 1st class tickets']);
});
