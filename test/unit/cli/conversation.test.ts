import { describe, expect, it } from 'vitest';
import { createConversation, localeLang } from '../../../cli/conversation.ts';
import { frozenEngine } from '../../support/content.ts';

const engine = frozenEngine();
const text = (reply: ReturnType<ReturnType<typeof createConversation>['reply']>) =>
  reply.kind === 'text' ? reply.text : reply.kind;

describe('localeLang', () => {
  it('reads Swedish from a sv locale and English from anything else, LC_ALL first', () => {
    expect(localeLang({ LANG: 'sv_SE.UTF-8' })).toBe('sv');
    expect(localeLang({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(localeLang({})).toBe('en');
    expect(localeLang({ LANG: 'sv_SE.UTF-8', LC_ALL: 'C.UTF-8' })).toBe('en');
  });
});

describe('the terminal conversation', () => {
  it("welcomes in the locale's language, then in the language of the last question", () => {
    const chat = createConversation(engine, 'en');
    expect(chat.welcome()).toMatch(/^Hi! I answer questions/);
    expect(chat.welcome()).toContain('Ctrl-D or "exit" ends the chat');
    chat.reply('Kan Malmö söka bidraget?');
    expect(chat.welcome()).toMatch(/^Hej! Jag svarar/);
    expect(chat.welcome()).toContain('Ctrl-D eller "exit" avslutar');
  });

  it('asks the suggestion a number picks, and shows which one it asked', () => {
    const chat = createConversation(engine, 'sv');
    expect(text(chat.reply('syfte kaffe'))).toContain('1. Vad är syftet med satsningen?');
    const picked = text(chat.reply('1'));
    expect(picked).toMatch(/^→ Vad är syftet med satsningen\?\n\nSyftet är att bryta segregationen/);
  });

  it("says which numbers there are when the number picks none, in the conversation's language", () => {
    const chat = createConversation(engine, 'en');
    chat.reply('syfte kaffe');
    expect(text(chat.reply('3'))).toBe('Skriv 1 för förslaget, eller en fråga.');
  });

  it('reads a number as a question when no suggestions are on offer', () => {
    const chat = createConversation(engine, 'sv');
    chat.reply('Kan Malmö söka?');
    expect(text(chat.reply('2'))).not.toMatch(/Välj|Skriv 1/);
  });

  it('skips blank lines and ends on exit, quit or avsluta', () => {
    const chat = createConversation(engine, 'sv');
    expect(chat.reply('   ')).toEqual({ kind: 'skip' });
    for (const word of ['exit', ' Quit ', 'avsluta']) expect(chat.reply(word)).toEqual({ kind: 'exit' });
  });
});
