import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationBotFrameworkAuthenticationOptions, TurnContext } from 'botbuilder';
import { AppConfig } from '../config';
import { Logger } from '../logger';

/** The Bot Framework adapter: token validation on the way in, one error boundary per turn. */
export function createAdapter(config: AppConfig, log: Logger): CloudAdapter {
  const auth = config.botAuth;
  const options: Partial<ConfigurationBotFrameworkAuthenticationOptions> =
    auth.mode === 'bot-framework'
      ? {
          MicrosoftAppId: auth.appId,
          MicrosoftAppPassword: auth.appPassword,
          MicrosoftAppType: auth.appType,
          MicrosoftAppTenantId: auth.tenantId,
        }
      : {};
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options as ConfigurationBotFrameworkAuthenticationOptions));
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
