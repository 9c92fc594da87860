// Putting backend messages under the right form field.

/**
 * Backend messages read "身份证号：校验码错误". Under a field that already
 * carries the label, show only the part after the label.
 */
export function messageForField(message: string, label?: string): string {
  const i = message.indexOf('：')
  if (i <= 0) return message
  const head = message.slice(0, i)
  if (label === undefined || head === label) return message.slice(i + 1).trim() || message
  return message
}

/**
 * Some refusals (org rules) name no field but start with its label, e.g.
 * "行政区划代码：应以上级的代码 620421 开头". Find the field from the label.
 */
export function fieldFromMessage(message: string, labels: Record<string, string>): string | undefined {
  const i = message.indexOf('：')
  if (i <= 0) return undefined
  const head = message.slice(0, i)
  for (const [field, label] of Object.entries(labels)) {
    if (label === head) return field
  }
  return undefined
}
