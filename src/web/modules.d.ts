// What scripts/build-web.mjs puts in the page's script, as text: the bundled rule pack as the build
// wrote it (dist/bundled-rules.json) and the model's weights (model/weights.json).
declare module "consent-lens:bundled-rules" {
  const json: string;
  export default json;
}
declare module "consent-lens:model-weights" {
  const json: string;
  export default json;
}
