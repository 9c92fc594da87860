import { request } from './transport'
import type { AppInfo, Choices, HomeSummary, OperatorInput, SettingsDto, SetupInput } from './types'

export const appInfo = () => request<AppInfo>('app_info')
export const choices = () => request<Choices>('choices')
export const setupOffice = (input: SetupInput) => request<AppInfo>('setup_office', input)
export const setOperator = (input: OperatorInput) => request<AppInfo>('set_operator', input)
export const homeSummary = () => request<HomeSummary>('home_summary')
/** 建会提醒人数 and 核实周期（天）. */
export const settingsGet = () => request<SettingsDto>('settings_get')
export const settingsSet = (input: SettingsDto) => request<SettingsDto>('settings_set', input)
