import { FeedbackAnalyser } from './analyser';
import { LanguageServiceConfig } from './languageServiceConfig';
import { LocalAnalyser } from './localAnalyser';

/**
 * Azure AI Language when it is configured, otherwise the local analyser, so feedback is always
 * analysed. The Azure SDK is loaded only when it is configured, so councils that keep comments on
 * their own server do not load it at every start.
 */
export async function createFeedbackAnalyser(config: LanguageServiceConfig | undefined): Promise<FeedbackAnalyser> {
  if (!config) return new LocalAnalyser();
  const { AzureLanguageAnalyser } = await import('./azureLanguageAnalyser');
  return new AzureLanguageAnalyser(config);
}
