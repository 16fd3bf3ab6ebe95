// npm run package:teams — fills appPackage/manifest.template.json from the environment, validates it
// against the official Teams manifest schema bundled in @microsoft/app-manifest (no network), checks
// the icons, and writes appPackage/build/critical-friend.zip for the Teams admin centre.
import 'dotenv/config';
import fs from 'node:fs';
import path from 'node:path';
import { buildTeamsAppPackage, TeamsPackageError } from '../src/teamsApp/teamsAppPackage';

const root = path.resolve(__dirname, '..');
const outFile = path.join(root, 'appPackage', 'build', 'critical-friend.zip');

buildTeamsAppPackage(path.join(root, 'appPackage'), process.env)
  .then(({ zip, manifest }) => {
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, zip);
    process.stdout.write(`Wrote ${path.relative(root, outFile)} (manifest ${manifest.manifestVersion}, app ${manifest.id}, bot ${manifest.bots[0].botId}).\n`);
  })
  .catch((err: unknown) => {
    if (err instanceof TeamsPackageError) {
      process.stderr.write(`The Teams app package is not valid:\n${err.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    } else {
      process.stderr.write(`Packaging failed: ${err instanceof Error ? err.message : String(err)}\n`);
    }
    process.exit(1);
  });
