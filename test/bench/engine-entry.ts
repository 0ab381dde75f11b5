// What test/bench/bench.mjs bundles (with esbuild) to time the engine in-process: the engine entry
// points and, from the same bundle, the bare parser used as the baseline.
export { lintText, staticWorkspace } from '../../server/src/engine/runner';
export { fixAll } from '../../server/src/engine/fix';
export { resolveConfig } from '../../server/src/engine/config';
export { parseDockerfile } from '../../rules/docker/language';
export { rulesOfDomain } from '../../rules/index';
export { DockerfileParser } from 'dockerfile-ast';
export { parseManifests, isTemplated, k8sLanguage } from '../../rules/k8s/language';
export { parseAllDocuments } from 'yaml';
export { parseNginx } from '../../rules/nginx/parser';
export { nginxLanguage } from '../../rules/nginx/language';
export { helmetLanguage } from '../../rules/helmet/language';
export { analyze } from '../../rules/helmet/analyze';
// The bench bundle keeps `typescript` external (as the shipped bundles do): loaded on first use.
export { typescript, parserLoadInfo } from '../../rules/helmet/ts';
