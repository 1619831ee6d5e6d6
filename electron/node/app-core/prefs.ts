// prefs:* — the agency defaults and the recent files, as the renderer sees them.
import type { CoreContext, HandlersOf } from './context';

export function createPrefsHandlers(ctx: CoreContext): HandlersOf<'prefs'> {
  const { preferences } = ctx;
  return {
    'prefs:get': async () => ({ agency: preferences.getAgency(), recent: await preferences.listRecent() }),
    'prefs:setAgency': async ({ agency }) => {
      preferences.setAgency(agency);
      return { agency: preferences.getAgency(), recent: await preferences.listRecent() };
    },
  };
}
