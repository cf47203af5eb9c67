import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { extractKeywords } from '../text/jieba.js';
import { redactText } from '../text/redact.js';

/** How many keywords each conversation contributes to the report's topics. */
export const TOPICS_PER_CONVERSATION = 5;

export const TOPIC_STOP_WORDS_FILE = path.join(PACKAGE_ROOT, 'rules', 'dictionary', 'topic-stop-words.txt');

let stopWords: Set<string> | undefined;

function topicStopWords(): Set<string> {
  stopWords ??= new Set(
    readFileSync(TOPIC_STOP_WORDS_FILE, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return stopWords;
}

// Placeholders and stickers in brackets: masked data ("[数字x]", "[ORDERID_10086]", "[金额x]") and
// emoticons ("[微笑]") say nothing about the complaint.
const BRACKETED = /\[[^[\]\s]{1,24}\]/g;
// @mentions, #topics# and links name accounts and pages, not complaints.
const HANDLES_AND_LINKS = /@[^\s@:：,，]{1,30}|#[^#\n]{1,30}#|https?:\/\/\S+|www\.\S+/g;

// A topic is a word: two or more Han characters, or a Latin word of three or more letters. Numbers,
// order ids, masked values ("[数字x]") and single characters are not topics.
const TOPIC_WORD = /^(\p{Script=Han}{2,}|[a-z][a-z-]{2,})$/u;

/**
 * The keywords of what a customer wrote, best first: jieba's TF-IDF extraction over the customer's
 * messages (normalised, so traditional and simplified count as one word), without greetings,
 * fillers and other words that every conversation has. Personal data is masked first, as --redact
 * masks it: a name, an address or an account is not a topic, and part of one ("学友" of 张学友)
 * would print it in a report.
 */
export function customerTopics(texts: readonly string[]): string[] {
  const stop = topicStopWords();
  const words: string[] = [];
  const text = texts.map(redactText).join('\n').replace(BRACKETED, ' ').replace(HANDLES_AND_LINKS, ' ');
  for (const { word } of extractKeywords(text, TOPICS_PER_CONVERSATION * 4)) {
    if (!TOPIC_WORD.test(word) || stop.has(word)) continue;
    words.push(word);
    if (words.length === TOPICS_PER_CONVERSATION) break;
  }
  return words;
}
