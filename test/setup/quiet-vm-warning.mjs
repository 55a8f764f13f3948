// Preloaded by `npm test` (NODE_OPTIONS --import): drops the one ExperimentalWarning jest's ESM mode triggers in
// every run ("VM Modules is an experimental feature…"); every other warning, experimental or not, still prints.
const emitWarning = process.emitWarning;

process.emitWarning = function (warning, ...rest) {
  const type = typeof rest[0] === "string" ? rest[0] : rest[0]?.type;
  const message = typeof warning === "string" ? warning : warning?.message;
  const name = typeof warning === "string" ? type : warning?.name;
  if (
    name === "ExperimentalWarning" &&
    typeof message === "string" &&
    message.startsWith("VM Modules is an experimental feature")
  ) {
    return;
  }
  return emitWarning.call(this, warning, ...rest);
};
