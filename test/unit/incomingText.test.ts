import { describe, expect, it } from '@jest/globals';
import { questionFromEvent, stripSlackMarkup, unescapeSlack } from '../../src/slack/incomingText.js';

describe('Slack text coming in', () => {
  it('undoes Slack’s escapes once', () => {
    expect(unescapeSlack('R&amp;D &lt;b&gt; &amp;lt;')).toBe('R&D <b> &lt;');
    expect(unescapeSlack(undefined)).toBe('');
  });

  it('takes mentions of people out of an event’s question, as typed otherwise', () => {
    expect(questionFromEvent('<@UBOT0001> who writes the <!here> weeknote?  &amp; why')).toBe('who writes the <!here> weeknote? & why');
    expect(questionFromEvent('<@U123|sam>   leavers')).toBe('leavers');
  });

  it('leaves the ranker a link’s label and none of the other markup', () => {
    expect(stripSlackMarkup('see <https://example.test/x|the weeknote> <#C123|general> <!channel> :wave: &gt; quote').replace(/\s+/g, ' ').trim()).toBe('see the weeknote quote');
    expect(stripSlackMarkup('<https://example.test/x>').trim()).toBe('https://example.test/x');
  });
});
