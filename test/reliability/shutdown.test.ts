import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEMO, readReply } from '../support/conversation';
import { postActivity, teamsMessage } from '../support/runningBot';
import { spawnBot } from '../support/spawnBot';

const repliesOf = (body: { activities?: Record<string, unknown>[] }) => (body.activities ?? []).map((a) => readReply(a)).join(' ');

describe('shutting down and starting again', () => {
  it('finishes a turn that is in flight when SIGTERM arrives, then exits cleanly', async () => {
    const bot = await spawnBot();
    const body = JSON.stringify(teamsMessage(DEMO.helen, 'how are we doing?'));
    const socket = net.connect(Number(new URL(bot.url).port), '127.0.0.1');
    let response = '';
    socket.on('data', (d) => (response += d.toString()));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    await new Promise((resolve) => socket.on('connect', resolve));
    socket.write(`POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
    socket.write(body.slice(0, 100));
    // Let the server start reading the request, so it is in flight when the signal lands.
    await new Promise((resolve) => setTimeout(resolve, 200));
    bot.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // write, not end: Node drops a request whose client half-closes before the response.
    socket.write(body.slice(100));
    await closed;
    expect(response.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(response).toContain('Leavesden JMI School');
    expect(await bot.exited).toBe(0);
  });

  it('loses no conversation: a question waiting for an answer is picked up after a restart', async () => {
    const first = await spawnBot();
    const asked = await postActivity(first.url, teamsMessage(DEMO.priya, 'how are we doing?'));
    expect(repliesOf(asked.body)).toContain('Which one do you mean?');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await spawnBot({}, first.databasePath);
    const answered = await postActivity(second.url, teamsMessage(DEMO.priya, undefined, { value: { verb: 'chooseSchool', urn: '117578' } }));
    expect(repliesOf(answered.body)).toContain('Ashlyns School');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
