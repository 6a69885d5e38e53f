import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '../../../shared/i18n/I18n';
import type { Locale } from '../../../shared/i18n';
import { en, zhCN } from '../../../shared/i18n/catalog';
import { channelsEn } from '../../../features/channels/strings.en';
import { channelsZhCN } from '../../../features/channels/strings.zh-CN';
import { OptionsApp } from './OptionsApp';
import { OPTIONS_SECTIONS } from './sections';

/** A stand-in IntersectionObserver the test drives: `cross(id, true)` reports that section entering the band. */
class FakeObserver {
  static all: FakeObserver[] = [];
  readonly targets: Element[] = [];
  constructor(private readonly callback: IntersectionObserverCallback) { FakeObserver.all.push(this); }
  observe(el: Element) { this.targets.push(el); }
  unobserve() {}
  disconnect() { this.targets.length = 0; }
  takeRecords() { return []; }
  static cross(id: string, isIntersecting: boolean) {
    for (const o of FakeObserver.all) {
      const target = o.targets.find((t) => t.id === id);
      if (target) o.callback([{ target, isIntersecting } as IntersectionObserverEntry], o as unknown as IntersectionObserver);
    }
  }
}

/** The page, once the sections that read their settings first have drawn (the plays are the last). */
const show = async (locale: Locale) => {
  render(<I18nProvider locale={locale}><OptionsApp /></I18nProvider>);
  await screen.findByRole('heading', { name: (locale === 'en' ? en : zhCN)['play.settings.title'] });
};
const menu = (name: string) => screen.getByRole('navigation', { name });
const current = (nav: HTMLElement) => within(nav).getAllByRole('link').filter((a) => a.getAttribute('aria-current') === 'true').map((a) => a.textContent);

const EN_HEADINGS = [en['options.language'], en['options.data'], en['model.title'], en['checklistEditor.title'], en['reminder.settings.title'], en['portfolio.rates.title'], en['play.settings.title'], en['onboarding.templates.title'], en['import.title'], en['source.title'], channelsEn['channels.automation.title'], en['labels.title'], en['rules.title']];
const ZH_HEADINGS = [zhCN['options.language'], zhCN['options.data'], zhCN['model.title'], zhCN['checklistEditor.title'], zhCN['reminder.settings.title'], zhCN['portfolio.rates.title'], zhCN['play.settings.title'], zhCN['onboarding.templates.title'], zhCN['import.title'], zhCN['source.title'], channelsZhCN['channels.automation.title'], zhCN['labels.title'], zhCN['rules.title']];

describe('the options page section menu', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
    // The live values the page watches stay loading: the menu does not wait for them.
    const silent = { addListener: () => {}, removeListener: () => {} };
    vi.spyOn(browser.runtime, 'connect').mockReturnValue({ postMessage: () => {}, onMessage: silent, onDisconnect: silent } as never);
    history.replaceState(null, '', '/options.html');
    FakeObserver.all = [];
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it.each([
    ['en', en['options.menu'], EN_HEADINGS],
    ['zh-CN', zhCN['options.menu'], ZH_HEADINGS],
  ] as const)('lists every section by its heading, in %s, each link landing on a section of the page', async (locale, name, headings) => {
    await show(locale);
    const links = within(menu(name)).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(headings);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(OPTIONS_SECTIONS.map((s) => `#${s.id}`));
    for (const a of links) {
      const target = document.getElementById(a.getAttribute('href')!.slice(1));
      expect(target, a.getAttribute('href')!).not.toBeNull();
      expect(menu(name).contains(target)).toBe(false);
    }
    const jump = within(menu(name)).getByRole('combobox', { name: locale === 'en' ? en['options.menuJump'] : zhCN['options.menuJump'] });
    expect(within(jump).getAllByRole('option').map((o) => o.textContent)).toEqual(headings);
  });

  it('gives each section an anchor from the first render and holds the section inside it', async () => {
    render(<I18nProvider locale="en"><OptionsApp /></I18nProvider>);
    // The plays appear once their settings are read; their anchor is there before.
    expect(document.getElementById('section-plays')).toBeEmptyDOMElement();
    expect(await within(document.getElementById('section-plays')!).findByRole('heading', { name: en['play.settings.title'] })).toBeInTheDocument();
    expect(within(document.getElementById('section-health')!).getByRole('heading', { name: en['model.title'] })).toBeInTheDocument();
    expect(within(document.getElementById('section-rules')!).getByRole('heading', { name: en['rules.title'] })).toBeInTheDocument();
  });

  it('marks the section in view as current, following the sections crossing the band', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    await show('en');
    const nav = menu(en['options.menu']);
    expect(current(nav)).toEqual([en['options.language']]);
    act(() => FakeObserver.cross('section-language', false));
    act(() => FakeObserver.cross('section-service', true));
    expect(current(nav)).toEqual([en['checklistEditor.title']]);
    expect(within(nav).getByRole('combobox')).toHaveValue('section-service');
    // Two in the band: the one higher on the page is the one being read.
    act(() => FakeObserver.cross('section-health', true));
    expect(current(nav)).toEqual([en['model.title']]);
    act(() => FakeObserver.cross('section-health', false));
    expect(current(nav)).toEqual([en['checklistEditor.title']]);
  });

  it('without IntersectionObserver follows the address and the menu itself', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    history.replaceState(null, '', '/options.html#section-source');
    await show('en');
    const nav = menu(en['options.menu']);
    expect(current(nav)).toEqual([en['source.title']]);
    fireEvent.click(within(nav).getByRole('link', { name: en['labels.title'] }));
    expect(current(nav)).toEqual([en['labels.title']]);
    fireEvent.change(within(nav).getByRole('combobox'), { target: { value: 'section-rates' } });
    expect(current(nav)).toEqual([en['portfolio.rates.title']]);
    expect(location.hash).toBe('#section-rates');
  });
});
