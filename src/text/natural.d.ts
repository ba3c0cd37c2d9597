// natural is imported module by module: its top level loads dotenv, which prints to
// stdout and reads the user's .env (see ../shared/reference/dependencies.md).
declare module "natural/lib/natural/stemmers/porter_stemmer.js" {
  const PorterStemmer: { stem(word: string): string };
  export default PorterStemmer;
}
declare module "natural/lib/natural/stemmers/porter_stemmer_es.js" {
  const SpanishStemmer: { stem(word: string): string };
  export default SpanishStemmer;
}
