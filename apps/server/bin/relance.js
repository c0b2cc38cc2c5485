#!/usr/bin/env node
// The relance CLI: loads the TypeScript sources through tsx, as the server does.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
