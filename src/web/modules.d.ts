// What scripts/build-web.mjs puts in the page's script, as text: the bundled rule pack as the build
// wrote it (dist/bundled-rules.json, the model's weights packed in it).
declare module "consent-lens:bundled-rules" {
  const json: string;
  export default json;
}
