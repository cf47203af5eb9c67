import { describe } from 'vitest';
import { leavesAlone, masksAs } from '../support/redaction.js';

// Personal data a tenth black-box review found in clear.

describe('a WeChat or QQ id in a file name ends before the extension', () => {
  masksAs([
    ['kk_wx 微信kk_44444.jsonl', 'kk_wx 微信k******4.jsonl'],
    ['微信kk_44444.txt', '微信k******4.txt'],
    ['导出/QQ45678901.csv', '导出/QQ4******1.csv'],
    ['可以加下我微信 lover5209.jpg', '可以加下我微信 l*******9.jpg'],
  ]);
  // A dot inside an id stays inside it.
  masksAs([['Skype: john.smith99', 'Skype: j**********9']]);
  leavesAlone(['微信.jsonl', '加我微信 v1.2.jpg']);
});
