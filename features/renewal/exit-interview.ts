import type { ReportLanguage } from '../../data/model/records';

/**
 * The exit-interview template: questions to ask a customer who is leaving,
 * in the customer's language. Each question points at a symptom (what they
 * say) or a root cause (what we could have done), so the outcome can be
 * recorded as both. The text goes to the customer: it names no internal
 * figure (health, likelihood).
 */
export const EXIT_INTERVIEW: Record<ReportLanguage, { title: string; intro: string; questions: readonly string[]; close: string }> = {
  en: {
    title: 'Exit interview',
    intro: 'Thank you for taking the time. We want to understand honestly what did not work for you, so we can do better.',
    questions: [
      'In your own words, why did you decide not to renew?',
      'When did you first have doubts, and what happened at that time?',
      'What did you expect when you signed, and how did that compare with what you got?',
      'Which of your team’s needs did we not meet?',
      'How did the first weeks go: setup, training, first results?',
      'Who in your company used the product most, and who stopped using it? Why?',
      'How involved was your management in reviewing the results with us?',
      'Were we talking with the right people in your company?',
      'How would you rate our service: responses, follow-up, regular visits? What should we have done differently?',
      'Has anything changed in your business: budget, size, ownership or direction?',
      'What will you use instead, and what does it give you that we did not (price included)?',
      'What would have had to be different for you to stay? May we contact you again in a few months?',
    ],
    close: 'Thank you for your openness. We will share what we change as a result.',
  },
  'zh-CN': {
    title: '离别访谈',
    intro: '感谢您抽出时间。我们希望坦诚地了解哪些地方没有做好，以便改进。',
    questions: [
      '请用您自己的话说说，为什么决定不再续约？',
      '您最早是什么时候开始有疑虑的？当时发生了什么？',
      '签约时您的期望是什么？实际得到的与期望相比如何？',
      '您团队的哪些需求我们没有满足？',
      '最初几周进展如何：部署、培训、初步成效？',
      '贵公司谁用得最多？谁后来不用了？为什么？',
      '贵公司管理层参与和我们一起回顾成效的程度如何？',
      '我们对接的是贵公司合适的人吗？',
      '您如何评价我们的服务：响应、跟进、定期拜访？我们本应怎样做得不同？',
      '贵公司的业务是否有变化：预算、规模、股权或方向？',
      '之后您会改用什么？它提供了哪些我们没有提供的东西（包括价格）？',
      '要让您留下，哪些地方必须不同？几个月后我们可以再联系您吗？',
    ],
    close: '感谢您的坦诚。我们会把因此做出的改进告诉您。',
  },
};

/** The template as plain text to paste into an e-mail, WeChat/WeCom or DingTalk message, or meeting notes. */
export function exitInterviewText(language: ReportLanguage): string {
  const x = EXIT_INTERVIEW[language];
  return [x.title, '', x.intro, '', ...x.questions.map((q, i) => `${i + 1}. ${q}`), '', x.close].join('\n');
}
