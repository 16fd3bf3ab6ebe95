import { FeedbackAnalyser } from './analyser';
import { AzureLanguageAnalyser, LanguageServiceConfig } from './azureLanguageAnalyser';
import { LocalAnalyser } from './localAnalyser';

/** Azure AI Language when it is configured, otherwise the local analyser, so feedback is always analysed. */
export function createFeedbackAnalyser(config: LanguageServiceConfig | undefined): FeedbackAnalyser {
  return config ? new AzureLanguageAnalyser(config) : new LocalAnalyser();
}
