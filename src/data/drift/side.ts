// What each side of a comparison brings: its profile and, where the data were read, exact values.
import type { ExactColumn } from '../profile/from-data.js';
import type { Profile } from '../profile/profile.js';

export type { ExactColumn } from '../profile/from-data.js';

export interface DriftSide {
  profile: Profile;
  /** Exact values per column; a column without them is compared through its profile's sketches. */
  exact?: Map<string, ExactColumn>;
}
