#!/usr/bin/env node
// Benchmark: lints synthetic canonical-JSONL exports of two sizes and reports throughput and peak
// memory (VmHWM from /proc, summed over every process). Memory should stay flat as the input
// doubles, because input is streamed one conversation at a time and results are written as they
// are produced.
//
//   npm run bench:size                 # 5,000 and 10,000 conversations
//   npm run bench:size -- 20000        # 20,000 and 40,000
//   npm run bench:size -- 5000 --keep  # also keep the generated files, for profiling
//   node bench/run.js --generate big.jsonl 690000   # only write an input (690,000 ≈ 1 GB)
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'supportlint.js');
const generateOnly = process.argv[2] === '--generate';
const base = Number(process.argv[2] ?? 5000);
const keep = process.argv.includes('--keep');

// Sentences are assembled from parts so that replies differ the way real ones do.
const openers = ['您好', '亲', '你好', '在的', '您好，久等了'];
const problems = ['快递三天没动了', '收到的东西坏了', '退款一直没到账', '发票开错了', '优惠券用不了', '想改一下收货地址', '商品少发了一件'];
const moods = ['', '，太慢了', '，很着急', '，有点失望', '！！！', '，怎么回事'];
const replies = [
  '我马上帮您查一下物流，十分钟内回复您',
  '非常抱歉给您添麻烦了，这边为您登记补发，明天发出',
  '这是快递那边的问题，您去问一下快递吧',
  '请您提供一下订单号，我帮您核实',
  '好的，已经为您提交退款申请，预计一到三个工作日到账',
  '您的情况我们已经收到了，请您耐心等待',
];
const agents = ['小林', '阿青', '小周', '老王', '米粒'];

function pick(list, n) {
  return list[n % list.length];
}

async function generate(file, conversations) {
  const out = createWriteStream(file);
  const start = Date.parse('2026-11-02T09:00:00+08:00');
  for (let c = 0; c < conversations; c++) {
    let t = start + c * 37_000;
    const id = `bench-${c}`;
    const agent = pick(agents, c * 7);
    const lines = [];
    const turns = 3 + (c % 5);
    for (let turn = 0; turn < turns; turn++) {
      lines.push({ conversation_id: id, time: new Date(t).toISOString(), role: 'customer', text: `${turn === 0 ? '' : '还有，'}${pick(problems, c + turn)}${pick(moods, c * 3 + turn)}` });
      t += 20_000 + ((c * 13 + turn * 29) % 200) * 1000;
      lines.push({ conversation_id: id, time: new Date(t).toISOString(), role: 'agent', agent, text: `${pick(openers, c + turn)}，${pick(replies, c * 5 + turn * 3)}` });
      t += 15_000;
    }
    const chunk = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
    if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
}

function lint(file) {
  return measure(process.execPath, [bin, 'lint', file, '--format', 'json', '--output', '/dev/null']);
}

if (generateOnly) {
  const [file, count] = process.argv.slice(3);
  const conversations = Number(count);
  if (!file || !Number.isInteger(conversations) || conversations <= 0) {
    console.error('usage: node bench/run.js --generate <file> <conversations>');
    process.exit(2);
  }
  await generate(file, conversations);
  console.log(`${file}: ${conversations} conversations, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
  process.exit(0);
}
if (!existsSync(path.join(root, 'dist'))) {
  console.error('Build first: npm run build');
  process.exit(2);
}
const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-bench-'));
try {
  console.log('conversations  messages   size      time     conv/s   msg/s    peak RSS');
  for (const conversations of [base, base * 2]) {
    const file = path.join(dir, `bench-${conversations}.jsonl`);
    await generate(file, conversations);
    const messages = readFileSync(file, 'utf8').split('\n').length - 1;
    const { seconds, peak } = await lint(file);
    const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `${String(conversations).padStart(13)}  ${String(messages).padStart(8)}  ${mb(statSync(file).size).padStart(8)}  ${seconds.toFixed(1).padStart(6)} s  ${String(Math.round(conversations / seconds)).padStart(7)}  ${String(Math.round(messages / seconds)).padStart(6)}  ${peak ? mb(peak) : 'n/a'}`,
    );
  }
} finally {
  if (keep) console.log(`inputs kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
