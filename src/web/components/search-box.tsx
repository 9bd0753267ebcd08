import { Button } from 'antd';
import { useState } from 'react';

/**
 * A list's search box: searches on Enter or 搜索 with the trimmed text (empty = no filter), and clears the filter
 * when the box is emptied. The browser's search input in antd's look: antd's Input.Search brought 16 kB on the wire
 * (its input, textarea and their styles) to every list a host opens on a phone (issue 16).
 */
export function SearchBox({
  label,
  placeholder,
  defaultValue,
  width,
  onSearch,
}: {
  label: string;
  placeholder?: string;
  defaultValue?: string;
  width?: number;
  onSearch: (q: string | undefined) => void;
}) {
  const [text, setText] = useState(defaultValue ?? '');
  const search = (q: string) => onSearch(q.trim() || undefined);
  return (
    <div className="search-box" style={{ width, maxWidth: '100%' }}>
      <input
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        enterKeyHint="search"
        onChange={(e) => {
          setText(e.target.value);
          // The box's clear button (or deleting the last character) ends the search, as antd's allowClear did.
          if (!e.target.value && text) search('');
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) search(text);
        }}
      />
      <Button onClick={() => search(text)}>搜索</Button>
    </div>
  );
}
