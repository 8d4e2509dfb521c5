/** Where the phone remembers the app's language (read by i18n.ts and by index.html's first script). */
export const FIELD_LOCALE_STORAGE_KEY = 'gridwork.field.locale';
