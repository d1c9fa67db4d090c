/** `npm run package`: the two store zips from the built dist/ folders (web-ext zips either browser's build). */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const version = (JSON.parse(readFileSync("manifest.json", "utf8")) as { version: string }).version;
for (const target of ["chrome", "firefox"]) {
  const filename = `maekrak-${target}-${version}.zip`;
  const result = spawnSync(
    "npx",
    [
      "web-ext",
      "build",
      "--source-dir",
      `dist/${target}`,
      "--artifacts-dir",
      "artifacts",
      "--filename",
      filename,
      "--overwrite-dest",
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  if (result.status !== 0) {
    console.error(`packaging ${target} failed`);
    process.exit(1);
  }
  console.log(`artifacts/${filename}`);
}
