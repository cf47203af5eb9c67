import { describe } from 'vitest';
import { leavesAlone, masksAs } from '../support/redaction.js';

// Names in Latin letters that a ninth black-box review still found in clear.

describe('a name after an English label with only spaces before it', () => {
  masksAs([
    ['name John Smith', 'name J********'],
    ['name John Smith，太过分了', 'name J********，太过分了'],
    ['customer name Wang Jianguo', 'customer name W**********'],
    ['recipient John Smith, thanks', 'recipient J********, thanks'],
    ['recipient Mary', 'recipient M***'],
    ['full name Mary Jones 13812345678', 'full name M******** 138****5678'],
    ['cardholder name JOHN SMITH', 'cardholder name J********'],
    // A capitalised surname and a given name in pinyin in lower case.
    ['name Wang jianguo', 'name W**********'],
    // Each label starts a name of its own.
    ['first name John last name Smith', 'first name J*** last name S****'],
    // The name ends before a word that is no name.
    ['recipient John Smith Please call', 'recipient J******** Please call'],
    // A dash or a slash between, then a capitalised name.
    ['Full name - Peter Parker', 'Full name - P**********'],
    ['name/John Smith', 'name/J********'],
  ]);
  // The name of a thing, a placeholder, prose after the label, pinyin-looking English in lower case.
  leavesAlone([
    'name of the product',
    'Name: N/A',
    'the name field',
    'product name Apple Watch',
    'The name Apple is trademarked',
    'user name Admin',
    'recipient Name',
    'the name he can use',
    'name change request',
    'Please DM your name, zip code and details',
    'Name: NA',
    'contact Apple Support',
  ]);
});

describe('a name in pinyin, in any case, after an English label with a sign', () => {
  masksAs([
    ['name: wang jianguo', 'name: w**********'],
    ['Name: li hua，电话13812345678', 'Name: l****，电话138****5678'],
    ['recipient: zhang san', 'recipient: z*******'],
    ['Surname: Smith', 'Surname: S****'],
    ['Name: JOHN SMITH', 'Name: J********'],
    ['User name: John Smith', 'User name: J********'],
  ]);
  // A surname alone, and English words in lower case.
  leavesAlone(['name: li', 'name: see below', 'name: same as above']);
  // The name of a thing, with a sign too.
  leavesAlone(['Product Name: Apple Watch', 'File name: Report Final', 'Brand name - Nike Air', 'Store name: Apple Store']);
});

describe('a name that signs off a line with more after it', () => {
  masksAs([
    ['Regards, Mary Jones 13812345678', 'Regards, M******** 138****5678'],
    ['Regards, Mary Jones please call', 'Regards, M******** please call'],
    ['Thanks, John Smith will call you', 'Thanks, J******** will call you'],
    ['Best regards,\nLi Lei 13812345678\n', 'Best regards,\nL**** 138****5678\n'],
    ['Thanks, John Smith Please call', 'Thanks, J******** Please call'],
  ]);
  // A team, an office or a wish after the sign-off; one word; no sign after the sign-off word.
  leavesAlone(['Regards, New York Office', 'Thanks, Happy New Year', 'Thanks, Have a great day', 'Thanks, Order Number 12345', 'Best regards, the team', 'Thanks, Support Team', 'Thanks, John', 'Thanks John Smith will call', 'Kind regards, Acme Corp']);
});

describe('a name that introduces the writer with "here"', () => {
  masksAs([
    ['John Smith here, any update?', 'J******** here, any update?'],
    ['Hi, Mary Jones here.', 'Hi, M******** here.'],
    ['John Smith here', 'J******** here'],
  ]);
  // A team, one word, a word before the name.
  leavesAlone(['Customer Service here, how can I help', 'Apple Support here.', 'I was here', 'Everyone here!', 'we met John Smith here today', 'name/Email Address', 'name - please fill']);
});

describe('a full name in the words around one in English prose and on parcels', () => {
  masksAs([
    ['account holder: Mary Jones', 'account holder: M********'],
    ['the account holder is Mary Jones', 'the account holder is M********'],
    ['Attn: Mary Jones', 'Attn: M********'],
    ['c/o Mary Jones, 42 Main Street', 'c/o M********, ** **** ******'],
    ['please ship it to Mary Jones', 'please ship it to M********'],
    ['send the parcel to Mary Jones tomorrow', 'send the parcel to M******** tomorrow'],
    ["It's Mary Jones", "It's M********"],
    ['Mary Jones is my name', 'M******** is my name'],
  ]);
  // One capitalised word, words of the order, prose.
  leavesAlone(['ship it to Order Number', "It's Black", 'send it to me', 'This is a Great Deal', 'attention please']);
});
