// Areas not built yet: what each will do, from the domain notes
// (shared/DOMAIN.md). Shown as-is; no sample data.

export interface PlannedArea {
  title: string
  summary: string
  points: string[]
}

export const PLANNED = {
  sync: {
    title: '同步',
    summary: '各级工会各自离线记账，联网或通过U盘把数据报送上级，并接收上级的决定。',
    points: [
      '向乡镇（街道）、县（区）总工会报送会员和台账变更。',
      '接收上级下发的审核结果、会籍转接、任务目标和组织架构。',
      '没有网络的办公室可以用U盘导出、导入数据包。',
    ],
  },
  stats: {
    title: '统计',
    summary: '建会入会信息统计表和任务进度，向上级报送。',
    points: [
      '按职业群体、所属组织、入会渠道统计会员人数。',
      '对照县、乡、村逐级分解的任务清单跟踪入会进度（挂图作战、挂销号），每三个月更新一次数据（数据保鲜）。',
      '以入会促建会：同一单位的会员达到设定人数（默认25人）而尚未建会时提醒，列为建会目标。',
    ],
  },
} satisfies Record<string, PlannedArea>
