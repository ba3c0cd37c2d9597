import { dirname, join, resolve } from "node:path";
import type { Config } from "../rules/config.js";

/** The baseline's name, next to the config file (or in the working folder when there is none). */
export const baselineName = ".consent-lens-baseline.json";

/** Where the baseline is: --baseline, else next to the config, else in the working folder. */
export const baselinePath = (named: string | undefined, config: Config | undefined, cwd: string) =>
  named ? resolve(cwd, named) : join(config ? dirname(config.file) : resolve(cwd), baselineName);
