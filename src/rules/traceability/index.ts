import type { Rule } from '../types.js';
import { modelVersionNotLogged } from './model-version-not-logged.js';
import { pinnedVersion } from './pinned-version.js';
import { unpinnedReference } from './unpinned-reference.js';

export const rules: Rule[] = [pinnedVersion, unpinnedReference, modelVersionNotLogged];
