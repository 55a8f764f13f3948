// Where the generator reads and writes; one place so scripts and tests agree.
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The committed upstream extract. */
export const EXTRACT_PATH = `${root}openapi/x-media.openapi.json`;
/** The generated types. */
export const GENERATED_TYPES_PATH = `${root}generated/openapi.ts`;
/** X's published spec, the default input of `spec:update`. */
export const DEFAULT_SPEC_URL = "https://api.x.com/2/openapi.json";
/** The DO-NOT-EDIT note in generated/. */
export const GENERATED_README_PATH = `${root}generated/README.md`;
/** The repository's prettier config, which generation uses explicitly (never a parent directory's). */
export const PRETTIER_CONFIG_PATH = `${root}.prettierrc.json`;
/** Where spec:update keeps each upstream spec it reads (gzipped), so tests can re-derive the extract. */
export const SPEC_FIXTURES_DIR = `${root}test/fixtures/specs`;
/** The fixture of one upstream spec version. */
export const specFixturePath = (version: string): string =>
  `${SPEC_FIXTURES_DIR}/openapi-${version}.json.gz`;
