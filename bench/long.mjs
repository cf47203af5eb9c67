// One long conversation: how linting time grows with the number of messages. Every rule that
// compares a message with earlier ones must stay near-linear.
//
//   node bench/long.mjs              # 1,000 to 10,000 messages
//   node bench/long.mjs 20000        # one size
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, mb } from './measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'supportlint.js');
const sizes = process.argv[2] ? [Number(process.argv[2])] : [1000, 2000, 4000, 10000];

// Customers ask about a handful of problems in changing words; agents answer from a few templates,
// as a shift of one agent does, so replies repeat and are compared with each other.
const problems = ['快递三天没动了', '收到的东西坏了', '退款一直没到账', '发票开错了', '优惠券用不了', '想改一下收货地址', '商品少发了一件'];
const moods = ['', '，太慢了', '，很着急', '，有点失望', '！！！', '，怎么回事'];
const replies = [
  '非常抱歉给您添麻烦了，这边马上为您登记处理，预计明天下午五点前给您回复处理结果',
  '我马上帮您查一下物流信息，请您稍等两分钟，查到以后第一时间告诉您结果',
  '好的，已经为您提交退款申请，预计一到三个工作日原路退回到您的支付账户',
  '请您提供一下订单号和收货人手机号，我这边帮您核实一下具体情况',
];

function conversation(messages) {
  const lines = [];
  const start = Date.parse('2026-11-02T09:00:00+08:00');
  for (let i = 0; i < messages; i++) {
    const customer = i % 2 === 0;
    const n = i >> 1;
    const text = customer ? `${problems[n % problems.length]}${moods[(n * 5) % moods.length]}，订单${100000 + n}` : replies[(n * 3) % replies.length];
    lines.push(JSON.stringify({ conversation_id: 'long', time: new Date(start + i * 30_000).toISOString(), role: customer ? 'customer' : 'agent', agent: customer ? undefined : '小林', text }));
  }
  return `${lines.join('\n')}\n`;
}

const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-long-'));
try {
  // The default rules (supportlint:recommended, what `supportlint init` sets up), and every rule of
  // the repository configuration.
  const recommended = path.join(dir, 'recommended.yaml');
  writeFileSync(recommended, 'extends: supportlint:recommended\n');
  const configs = [
    ['default rules', recommended],
    ['all rules', path.join(root, '.supportlintrc.yaml')],
  ];
  console.log(`messages  ${configs.map(([name]) => `${name.padEnd(24)}`).join('')}`);
  for (const size of sizes) {
    const file = path.join(dir, `long-${size}.jsonl`);
    writeFileSync(file, conversation(size));
    const cells = [];
    for (const [, config] of configs) {
      const { seconds, peak } = await measure(process.execPath, [bin, 'lint', file, '-c', config, '--format', 'json', '--output', path.join(dir, 'out.json')]);
      cells.push(`${seconds.toFixed(2).padStart(6)} s ${mb(peak).padStart(9)}`.padEnd(24));
    }
    console.log(`${String(size).padStart(8)}  ${cells.join('')}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
