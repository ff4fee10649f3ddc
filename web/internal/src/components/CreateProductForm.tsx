'use client';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { errorText, StatusMessage } from '@stack/web-ui';
import { CREATE_PRODUCT } from '../api/operations';

/** Lists a new product; the API checks every field again. */
export function CreateProductForm() {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [price, setPrice] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [failure, setFailure] = useState<string>();
  const [created, setCreated] = useState<string>();
  const [createProduct, { loading }] = useMutation(CREATE_PRODUCT);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    setCreated(undefined);
    const priceCents = Math.round(Number(price) * 100);
    if (!Number.isFinite(priceCents) || priceCents < 0 || price.trim() === '') {
      return setFailure('Price must be a number of 0 or more, e.g. 12.50.');
    }
    if (!/^[A-Z]{3}$/.test(currency))
      return setFailure('Currency must be three capital letters, e.g. EUR.');
    createProduct({
      variables: {
        input: { title: title.trim(), description: description.trim(), priceCents, currency },
      },
    })
      .then((result) => {
        setCreated(result.data?.createProduct.title ?? title);
        setTitle('');
        setDescription('');
        setPrice('');
      })
      .catch((reason: unknown) => setFailure(errorText(reason)));
  };
  return (
    <form onSubmit={submit}>
      <label htmlFor="product-title">Title</label>
      <input
        id="product-title"
        value={title}
        maxLength={200}
        required
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor="product-description">Description</label>
      <textarea
        id="product-description"
        value={description}
        maxLength={10000}
        rows={4}
        required
        onChange={(e) => setDescription(e.target.value)}
      />
      <label htmlFor="product-price">Price</label>
      <input
        id="product-price"
        inputMode="decimal"
        value={price}
        required
        onChange={(e) => setPrice(e.target.value)}
      />
      <label htmlFor="product-currency">Currency (ISO 4217)</label>
      <input
        id="product-currency"
        value={currency}
        maxLength={3}
        required
        onChange={(e) => setCurrency(e.target.value.toUpperCase())}
      />
      {failure !== undefined && (
        <StatusMessage role="alert" title="The product was not created">
          {failure}
        </StatusMessage>
      )}
      {created !== undefined && <StatusMessage>Created “{created}”.</StatusMessage>}
      <button type="submit" disabled={loading}>
        {loading ? 'Creating…' : 'Create product'}
      </button>
    </form>
  );
}
