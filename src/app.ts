import { ConversationState } from 'botbuilder';
import { AnswerDeps } from '../dialogs/answerDeps';
import { Feature } from '../dialogs/feature';
import { CriticalFriendBot } from './bot/criticalFriendBot';
import { SqliteStorage } from './bot/sqliteStorage';
import { AppConfig } from './config';
import { Database } from './db/database';
import { migrate } from './db/migrate';
import { seedDemoData } from './demo/demoSeed';
import { FeedbackAnalyser } from './feedback/analysers/analyser';
import { createFeedbackAnalyser } from './feedback/analysers/createAnalyser';
import { seedDemoFeedback } from './feedback/demoFeedbackSeed';
import { loadCatalogue } from './traded/catalogue';
import { seedTradedDemoData } from './traded/tradedDemoSeed';
import { importDfeDirectory } from './dfe/dfeImporter';
import { loadMeasureCatalog } from './dfe/measureCatalog';
import { createFeatures } from './features';
import { EntityExtractor } from './language/entityExtractor';
import { Recognizer } from './language/intents';
import { DEFAULT_CORPUS, ModelStore, NlpRecognizer } from './language/nlpRecognizer';
import { SchoolNameIndex } from './language/schoolNameIndex';
import { Logger } from './logger';
import { getSetting, putSetting } from './repos/appSettingsRepo';
import { listDistricts, listOpenSchools } from './repos/schoolRepo';
import { loadBandingConfig } from './services/banding';

export type App = { db: Database; bot: CriticalFriendBot; deps: AnswerDeps; features: Feature[]; feedbackAnalyser: FeedbackAnalyser };

/** Opens the store, fills it on first start (idempotent), trains the recognizer and builds the bot. */
export async function createApp(config: AppConfig, log: Logger, recognizer?: Recognizer): Promise<App> {
  const db = await Database.open(config.databasePath, { snapshotMaxAgeMs: config.snapshotMaxAgeMs });
  const applied = await migrate(db);
  if (applied.length) log.info(`database: applied migrations ${applied.join(', ')}`);
  const catalog = loadMeasureCatalog();
  const schoolCount = (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM schools'))?.n ?? 0;
  if (schoolCount === 0) {
    log.info(`importing DfE files from ${config.dfeDataDir} (first start)`);
    await importDfeDirectory(db, config.dfeDataDir, catalog, (done, total, report) => log.info(`  [${done}/${total}] ${report.summary()}`));
  }
  if (config.loadDemoData) {
    await seedDemoData(db);
    await seedTradedDemoData(db, loadCatalogue());
    await seedDemoFeedback(db);
  }
  const schools = await listOpenSchools(db);
  const deps: AnswerDeps = {
    db,
    catalog,
    banding: loadBandingConfig(),
    recognizer:
      recognizer ??
      (await NlpRecognizer.train(new EntityExtractor(catalog.measures, new SchoolNameIndex(schools), await listDistricts(db)), DEFAULT_CORPUS, languageModelStore(db))),
    serviceName: 'Hertfordshire school improvement',
    supportContact: config.supportContact,
    laRecordProvenance: config.loadDemoData
      ? 'Fictional demo data: not a real LA record.'
      : 'From the LA school improvement record.',
  };
  const feedbackAnalyser = await createFeedbackAnalyser(config.languageService);
  const features = createFeatures(deps, { packLinks: { secret: config.packLinkSecret, publicBaseUrl: config.publicBaseUrl }, feedbackAnalyser });
  const bot = new CriticalFriendBot(deps, new ConversationState(new SqliteStorage(db)), features);
  return { db, bot, deps, features, feedbackAnalyser };
}

/** The trained language model, kept in app_settings as "<key>\n<model>" (one model: the latest). */
function languageModelStore(db: Database): ModelStore {
  return {
    async load() {
      const value = await getSetting(db, 'language_model');
      const split = value?.indexOf('\n') ?? -1;
      return value && split > 0 ? { key: value.slice(0, split), model: value.slice(split + 1) } : undefined;
    },
    async save(key, model) {
      await putSetting(db, 'language_model', `${key}\n${model}`);
    },
  };
}
