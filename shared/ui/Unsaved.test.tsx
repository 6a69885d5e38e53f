import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { I18nProvider } from '../i18n/I18n';
import { UnsavedBar, UnsavedProvider, useDraft } from './Unsaved';

/** A section like the options page's: a draft, a Save that refuses an empty value, a stored copy. */
function Section({ id, label, store }: { id: string; label: string; store: { value: string } }) {
  const [value, setValue] = useState(store.value);
  const [note, setNote] = useState('');
  const save = () => {
    if (!value.trim()) return setNote(`${label}: empty`);
    store.value = value;
    markSaved(value);
    setNote('');
  };
  const markSaved = useDraft(id, label, value, save);
  useState(() => queueMicrotask(() => markSaved(store.value)));
  return (
    <section>
      <h2 id={id}>{label}</h2>
      <input aria-label={label} value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="button" onClick={save}>Save {label}</button>
      {note && <p role="alert">{note}</p>}
    </section>
  );
}

const page = (a: { value: string }, b: { value: string }) =>
  render(
    <I18nProvider locale="en">
      <UnsavedProvider>
        <Section id="a-title" label="Alpha" store={a} />
        <Section id="b-title" label="Beta" store={b} />
        <UnsavedBar />
      </UnsavedProvider>
    </I18nProvider>,
  );

describe('the options page saving model', () => {
  it('shows nothing until a section has an edit, then names it with a link to its heading', async () => {
    page({ value: 'one' }, { value: 'two' });
    await act(async () => {});
    expect(screen.queryByRole('region', { name: 'Unsaved changes' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Beta'), { target: { value: 'three' } });
    const bar = await screen.findByRole('region', { name: 'Unsaved changes' });
    expect(bar.textContent).toContain('Not saved yet: Beta');
    expect(screen.getByRole('link', { name: 'Beta' }).getAttribute('href')).toBe('#b-title');
    // Typing the stored value back is no edit.
    fireEvent.change(screen.getByLabelText('Beta'), { target: { value: 'two' } });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Unsaved changes' })).toBeNull());
  });

  it('saves every section in one click; one its own save refuses stays named', async () => {
    const a = { value: 'one' };
    const b = { value: 'two' };
    page(a, b);
    await act(async () => {});
    fireEvent.change(screen.getByLabelText('Alpha'), { target: { value: 'uno' } });
    fireEvent.change(screen.getByLabelText('Beta'), { target: { value: '' } });
    expect((await screen.findByRole('region', { name: 'Unsaved changes' })).textContent).toContain('Alpha, Beta');
    fireEvent.click(screen.getByRole('button', { name: 'Save all' }));
    await waitFor(() => expect(a.value).toBe('uno'));
    expect(b.value).toBe('two');
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Beta: empty');
    await waitFor(() => expect(screen.getByRole('region', { name: 'Unsaved changes' }).textContent).not.toContain('Alpha'));
    expect(screen.getByRole('region', { name: 'Unsaved changes' }).textContent).toContain('Beta');
  });

  it('asks before the page is closed while an edit is not saved, and not after it is saved', async () => {
    page({ value: 'one' }, { value: 'two' });
    await act(async () => {});
    const leave = () => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(leave()).toBe(false);
    fireEvent.change(screen.getByLabelText('Alpha'), { target: { value: 'uno' } });
    await screen.findByRole('region', { name: 'Unsaved changes' });
    expect(leave()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Save Alpha' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Unsaved changes' })).toBeNull());
    expect(leave()).toBe(false);
  });
});
