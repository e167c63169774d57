import { describe, expect, it } from '@jest/globals';
import { FakeSlack } from '../support/fakeSlack.js';
import { commandBody, eventBody, mentionEvent, messageEvent } from '../support/signedRequest.js';
import { type LogEntry, type RunningBot, useBot } from '../support/startBot.js';

const QUESTION = 'Priya Patel is leaving GOV.UK';
const isQuestion = (source: string) => (e: LogEntry) => e.msg === 'question' && e.source === source;

async function askAllThreeWays(bot: RunningBot): Promise<LogEntry[]> {
  await bot.post(commandBody(QUESTION));
  await bot.post(eventBody(mentionEvent(`<@${FakeSlack.BOT_USER_ID}> ${QUESTION}`)));
  await bot.post(eventBody(messageEvent(QUESTION)));
  return Promise.all(['command', 'mention', 'dm'].map((source) => bot.waitForLog(isQuestion(source))));
}

describe('question logs at info (the production default)', () => {
  let bot: RunningBot;
  useBot((_s, b) => (bot = b), { LOG_LEVEL: 'info' });

  it('log every question with its source, section, score, decision and time, but not its text', async () => {
    const entries = await askAllThreeWays(bot);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        level: 'info',
        answered: true,
        section: 'https://docs.publishing.service.gov.uk/manual/tech-lead-responsibilities.html#managing-leavers',
      });
      expect(typeof entry.score).toBe('number');
      expect(typeof entry.ms).toBe('number');
      expect(entry.question).toBeUndefined();
    }
    expect(JSON.stringify(bot.logs)).not.toContain('Priya');
  });
});

describe('question logs with LOG_QUESTIONS=true', () => {
  let bot: RunningBot;
  useBot((_s, b) => (bot = b), { LOG_LEVEL: 'info', LOG_QUESTIONS: 'true' });

  it('include the text of the question', async () => {
    const entries = await askAllThreeWays(bot);
    for (const entry of entries) expect(entry.question).toBe(QUESTION);
  });
});
