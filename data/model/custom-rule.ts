import { z } from 'zod';
import { validateCustomRule, type CustomRule } from '../../crm/custom';

const labels = z.array(z.string().trim().min(1).max(100)).max(20);

/** A user's own CRM rule as stored and sent; validateCustomRule adds the checks zod cannot express. */
export const CustomRuleSchema = z
  .object({
    id: z.string().min(1).max(64),
    label: z.string().trim().min(1).max(100),
    hostPattern: z.string().trim().min(1).max(253),
    urlPattern: z.string().min(1).max(500),
    nameSelector: z.string().max(300).optional(),
    nameLabel: z.string().max(100).optional(),
    fieldLabels: z.object({ owner: labels, contractEnd: labels, annualValue: labels }).partial().optional(),
  })
  .superRefine((rule, ctx) => {
    for (const message of validateCustomRule(rule)) ctx.addIssue({ code: 'custom', message });
  }) satisfies z.ZodType<CustomRule>;

export const CustomRulesSchema = z.array(CustomRuleSchema).max(50);
