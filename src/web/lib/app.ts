export const APP_NAME = '千企 · 千人进千企工作站点管理平台';
