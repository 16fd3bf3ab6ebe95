import {
  Activity,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationBotFrameworkAuthenticationOptions,
  TurnContext,
} from 'botbuilder';
import { AuthenticateRequestResult, AuthenticationConstants, BotFrameworkAuthentication } from 'botframework-connector';
import { AppConfig } from '../config';
import { ClientReusingAuthentication } from './clientReuse';
import { Logger } from '../logger';

function authOptions(config: AppConfig): Partial<ConfigurationBotFrameworkAuthenticationOptions> {
  const auth = config.botAuth;
  if (auth.mode === 'local-dev') return {};
  const base = {
    MicrosoftAppId: auth.appId,
    MicrosoftAppPassword: auth.appPassword,
    MicrosoftAppType: auth.appType,
    MicrosoftAppTenantId: auth.tenantId,
  };
  if (!auth.openIdMetadataUrl && !auth.tokenIssuer) return base;
  // botbuilder switches to fully parameterised settings when any endpoint is overridden, so the rest
  // must be the public cloud's own values.
  return {
    ...base,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: auth.tokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: auth.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

export type TurnOutcome = { status: number; body?: unknown };

/**
 * CloudAdapter with the request handling done in two explicit steps. botbuilder's `process` answers
 * some token failures (a bad signature, an unknown key) with 500 and the validator's message, which
 * leaks key material; here any authentication failure is a plain 401, and errors never echo details.
 */
export class BotAdapter extends CloudAdapter {
  constructor(private readonly auth: BotFrameworkAuthentication) {
    super(auth);
  }

  async handle(activity: Activity, authHeader: string, logic: (context: TurnContext) => Promise<void>): Promise<TurnOutcome> {
    let identity: AuthenticateRequestResult;
    try {
      identity = await this.auth.authenticateRequest(activity, authHeader);
    } catch {
      return { status: 401, body: { error: 'Unauthorized.' } };
    }
    const response = await this.processActivity(identity, activity, logic);
    return { status: response?.status ?? 200, body: response?.body };
  }
}

/** botbuilder's own token validation on the way in, one error boundary per turn. */
export function createAdapter(config: AppConfig, log: Logger): BotAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(authOptions(config) as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new BotAdapter(new ClientReusingAuthentication(auth));
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    log.error('turn failed', {
      activityId: context.activity.id,
      conversationId: context.activity.conversation?.id,
      error: error instanceof Error ? error.stack : String(error),
    });
    await context.sendActivity('Sorry, something went wrong on my side and I could not answer. Please try again, or type **start over**.');
  };
  return adapter;
}
