// The languages a model or a pipeline is written in against the languages the system is built in
// (TEC R2 for the model). Languages are compared by name (`Python 3.11` is Python), each once however
// many components use it; versions are framework-version's concern. An environment that lists no
// language has not been described yet: missing information, not a mismatch.
import type { Descriptor } from '../../descriptors/system.js';
import { findIn, parseTool, type Tool } from '../tools.js';
import { rule } from '../types.js';
import { listText } from '../wording.js';

interface Written {
  tool: Tool;
  text: string;
  path: (string | number)[];
}

function modelLanguages(model: Descriptor<'trained-model'>): Written[] {
  return (model.data.model_components ?? []).flatMap((c, i) =>
    (c.programming_languages ?? []).map((text, j) => ({
      tool: parseTool(text),
      text,
      path: ['model_components', i, 'programming_languages', j],
    })),
  );
}

function pipelineLanguages(pipeline: Descriptor<'data-pipeline'>): Written[] {
  return (pipeline.data.programming_languages ?? []).map((text, j) => ({
    tool: parseTool(text),
    text,
    path: ['programming_languages', j],
  }));
}

function languageRule(kind: 'trained-model' | 'data-pipeline') {
  const model = kind === 'trained-model';
  return rule(
    {
      id: model ? 'toolchain/language-unsupported' : 'toolchain/pipeline-language',
      category: 'toolchain',
      severity: 'error',
      phases: ['design'],
      roles: [model ? 'data-scientist' : 'data-engineer', 'software-engineer'],
      description: model
        ? 'The languages of the model components are languages the development environment supports.'
        : 'The languages of the data pipeline are languages the development environment supports.',
      rationale: model
        ? 'A model written in a language the system is not built in must be ported (with no specification or test data, and with numerical differences between libraries) or wrapped in a bridge nobody planned. A language available only as a runtime among the dependencies is a warning: calling across languages needs glue code.'
        : 'A pipeline in another language than the system (Scala on Spark next to a Python service) must be rewritten or run as a separate service before it can prepare inputs in operation, and training/serving skew creeps in during the rewrite.',
      remedy: model
        ? 'Agree on the language before the model is built: add the language to the development environment (with the people and build tooling it needs), or rewrite or export the model (ONNX, PMML) into a supported runtime.'
        : 'Add the language to the development environment, or port the pipeline to a supported language, keeping one implementation for training and serving.',
      tec: model ? ['R2'] : [],
      examples: model
        ? ['M01-02', 'M04-06', 'M05-01', 'M20-01', 'M02-02', 'M18-07', 'M14-02']
        : ['M15-07', 'M07-02', 'M13-02'],
      needs: [kind, 'development-environment'],
    },
    ({ facts, report }) => {
      const elements: {
        d: Descriptor<'trained-model' | 'data-pipeline'>;
        langs: Written[];
        label: string;
        envs: Descriptor<'development-environment'>[];
      }[] = model
        ? facts.all('trained-model').map((d) => ({
            d,
            langs: modelLanguages(d),
            label: `trained-model \`${d.name}\``,
            envs: facts.developmentEnvironmentsOf(d),
          }))
        : facts.all('data-pipeline').map((d) => ({
            d,
            langs: pipelineLanguages(d),
            label: `data-pipeline \`${d.name}\``,
            envs: facts.pipelineEnvironmentsOf(d),
          }));
      for (const { d, langs, label, envs } of elements) {
        for (const env of envs) {
          const supported = env.data.programming_languages;
          if (!supported?.length) continue;
          const envName = `development-environment \`${env.name}\``;
          const seen = new Set<string>();
          for (const lang of langs) {
            if (seen.has(lang.tool.key)) continue; // two components in one language: one finding
            seen.add(lang.tool.key);
            if (findIn({ programming_languages: supported }, lang.tool)) continue;
            const runtime = findIn({ system_dependencies: env.data.system_dependencies }, lang.tool);
            if (runtime) {
              const entry = env.data.system_dependencies?.[runtime.index] ?? '';
              report({
                message: `${label} is written in ${lang.tool.name}; ${envName} is built in ${listText(supported)} and has ${lang.tool.name} only as a dependency (\`${entry}\`): calls across languages need a bridge`,
                cite: [
                  { descriptor: d, path: lang.path },
                  { descriptor: env, path: ['system_dependencies', runtime.index] },
                ],
                key: lang.tool.key,
                severity: 'warning',
              });
              continue;
            }
            report({
              message: `${label} is written in ${lang.tool.name}; ${envName} supports ${listText(supported)}`,
              cite: [
                { descriptor: d, path: lang.path },
                { descriptor: env, path: ['programming_languages'] },
              ],
              key: lang.tool.key,
            });
          }
        }
      }
    },
  );
}

export const languageUnsupported = languageRule('trained-model');
export const pipelineLanguage = languageRule('data-pipeline');
