import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../rules/index.js';
import { CATEGORIES } from '../src/engine/rule.js';
import { renderMessage } from '../src/engine/lint.js';
import { loadLexicons } from '../src/lexicon/load.js';
import { ROOT } from './support/cli.js';

const REQUIRED_SECTIONS = ['## 判定标准', '## 为什么重要', '## 反例', '## 正例', '## 何时不触发', '## 选项'];
const HAN = /\p{Script=Han}/u;

const ruleFiles = readdirSync(path.join(ROOT, 'rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
const lexicons = loadLexicons();

describe('every rule file', () => {
  it('is registered, and every registered rule has a file', () => {
    expect([...BUILTIN_RULES.keys()].sort()).toEqual([...ruleFiles].sort());
  });

  for (const id of ruleFiles) {
    describe(id, () => {
      const rule = BUILTIN_RULES.get(id);

      it('has meta that matches its file name and the catalogue', () => {
        expect(rule?.meta.id).toBe(id);
        expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(CATEGORIES).toContain(rule!.meta.category);
        expect(['message', 'conversation']).toContain(rule!.meta.scope);
        expect(rule!.meta.description).toMatch(HAN);
        expect(rule!.meta.schema.safeParse({}).success, 'options must have defaults').toBe(true);
        expect(rule!.meta.schema.safeParse({ noSuchOption: 1 }).success, 'options schema must be strict').toBe(false);
      });

      it('has Chinese messages that render in both scripts', () => {
        const messages = Object.entries(rule!.meta.messages);
        expect(messages.length).toBeGreaterThan(0);
        for (const [, template] of messages) {
          expect(template).toMatch(HAN);
          const simplified = renderMessage(template, {}, 'zh-Hans');
          const traditional = renderMessage(template, {}, 'zh-Hant');
          expect(traditional).toMatch(HAN);
          expect(traditional.length).toBe(simplified.length);
        }
      });

      it('loads every phrase list it names', () => {
        for (const lexicon of rule!.meta.lexicons) expect(lexicons.has(lexicon), `rules/lexicon/${lexicon}.yaml`).toBe(true);
      });

      it('has a test file', () => {
        expect(existsSync(path.join(ROOT, 'test', 'rules', `${id}.test.ts`))).toBe(true);
      });

      it('has a docs page with the required sections', () => {
        const docs = path.join(ROOT, 'docs', 'rules', `${id}.md`);
        expect(existsSync(docs), docs).toBe(true);
        const text = readFileSync(docs, 'utf8');
        expect(text.startsWith(`# ${id}（${rule!.meta.title}）`)).toBe(true);
        for (const section of REQUIRED_SECTIONS) expect(text, `${id}.md lacks "${section}"`).toContain(section);
        for (const option of Object.keys((rule!.meta.schema.parse({}) as object) ?? {})) expect(text, `${id}.md does not document option ${option}`).toContain(`\`${option}\``);
      });
    });
  }
});

describe('phrase lists', () => {
  it('every list file is used by some rule', () => {
    const used = new Set([...BUILTIN_RULES.values()].flatMap((r) => r.meta.lexicons));
    for (const id of lexicons.keys()) expect(used, `rules/lexicon/${id}.yaml is not used by any rule`).toContain(id);
  });
});

describe('layering', () => {
  // Rules sit on top of the engine, the analysis layer and the metrics; nothing below reads them.
  const below = ['src/engine', 'src/analysis', 'src/metrics', 'src/text', 'src/lexicon', 'src/model', 'src/evaluation'];
  for (const dir of below) {
    it(`${dir} does not import from rules/`, () => {
      const files = readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.ts'));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const text = readFileSync(path.join(ROOT, dir, file), 'utf8');
        expect(text, `${dir}/${file}`).not.toMatch(/from '(\.\.\/)+rules\//);
      }
    });
  }
});

describe('message placeholders', () => {
  it('fill only from the data given, never from the prototype: {constructor} and {__proto__} stay as written', () => {
    expect(renderMessage('“{phrase}”{constructor}{__proto__}{toString}{missing}', { phrase: '快递' }, 'zh-Hans')).toBe('“快递”{constructor}{__proto__}{toString}{missing}');
  });
});
