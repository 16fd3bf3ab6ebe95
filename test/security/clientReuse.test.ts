import { Activity, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, ConnectorClient, ConnectorFactory } from 'botframework-connector';
import { describe, expect, it } from 'vitest';
import { ClientReusingAuthentication } from '../../src/bot/clientReuse';

const TEAMS_UK = 'https://smba.trafficmanager.net/uk/';
const TEAMS_EMEA = 'https://smba.trafficmanager.net/emea/';
const message = { type: 'message', serviceUrl: TEAMS_UK, channelId: 'msteams' } as Activity;
const botIdentity = (appId: string) => new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);

/** botbuilder's own authentication without credentials (local development), as the adapter uses it. */
const localAuth = () => new ClientReusingAuthentication(new ConfigurationBotFrameworkAuthentication({}));

describe('clients for talking back to Teams are built once, not on every turn', () => {
  it('gives later turns to the same service URL the connector client the first one built', async () => {
    const auth = localAuth();
    const first = await auth.authenticateRequest(message, '');
    const second = await auth.authenticateRequest(message, '');
    const client = await first.connectorFactory?.create(TEAMS_UK, first.audience);
    expect(client).toBeInstanceOf(ConnectorClient);
    expect(await second.connectorFactory?.create(TEAMS_UK, second.audience)).toBe(client);
    expect(await auth.createConnectorFactory(first.claimsIdentity).create(TEAMS_UK, first.audience)).toBe(client);
  });

  it('keeps separate clients for another service URL, another audience and another bot', async () => {
    const auth = localAuth();
    const factory = auth.createConnectorFactory(botIdentity('bot-a'));
    const client = await factory.create(TEAMS_UK, 'audience-1');
    expect(await factory.create(TEAMS_EMEA, 'audience-1')).not.toBe(client);
    expect(await factory.create(TEAMS_UK, 'audience-2')).not.toBe(client);
    expect(await auth.createConnectorFactory(botIdentity('bot-b')).create(TEAMS_UK, 'audience-1')).not.toBe(client);
  });

  it('gives the same bot the same user token client, and another bot its own', async () => {
    const auth = localAuth();
    const client = await auth.createUserTokenClient(botIdentity('bot-a'));
    expect(await auth.createUserTokenClient(botIdentity('bot-a'))).toBe(client);
    expect(await auth.createUserTokenClient(botIdentity('bot-b'))).not.toBe(client);
  });

  it('does not keep a client that failed to be built, so the next turn tries again', async () => {
    const inner = new ConfigurationBotFrameworkAuthentication({});
    const real = inner.createConnectorFactory(botIdentity('bot-a'));
    let attempts = 0;
    const flaky = new (class extends ConnectorFactory {
      async create(serviceUrl: string, audience?: string) {
        attempts++;
        if (attempts === 1) throw new Error('credentials not available yet');
        return real.create(serviceUrl, audience);
      }
    })();
    inner.createConnectorFactory = () => flaky;
    const auth = new ClientReusingAuthentication(inner);
    await expect(auth.createConnectorFactory(botIdentity('bot-a')).create(TEAMS_UK)).rejects.toThrow('credentials not available yet');
    const client = await auth.createConnectorFactory(botIdentity('bot-a')).create(TEAMS_UK);
    expect(await auth.createConnectorFactory(botIdentity('bot-a')).create(TEAMS_UK)).toBe(client);
    expect(attempts).toBe(2);
  });

  it('holds a bounded number, since without authentication anyone can name a service URL', async () => {
    const auth = localAuth();
    const factory = auth.createConnectorFactory(botIdentity('bot-a'));
    const first = await factory.create('https://example.org/0/');
    for (let n = 1; n <= 40; n++) await factory.create(`https://example.org/${n}/`);
    expect(await factory.create('https://example.org/0/')).not.toBe(first);
  });
});
