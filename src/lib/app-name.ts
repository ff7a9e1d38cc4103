/** The portal's name in the page header and title: a township's, or the banner's (several townships, no township chosen). */
export const townshipAppName = (township: string): string => `${township}人大主席团工作平台`;

export const bannerAppName = (banner: string): string => `${banner}人大代表工作平台`;

/** The name before anything about the request is known (an error before the township was resolved). */
export const DEFAULT_APP_NAME = bannerAppName('');
