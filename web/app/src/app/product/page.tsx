import { Suspense } from 'react';
import { StatusMessage } from '@stack/web-ui';
import { ProductDetails } from '../../components/ProductDetails';

// One static page for every product: the id comes from ?id=, read in the browser, because a
// static export cannot pre-render products that are created after the build.
export default function ProductPage() {
  return (
    <Suspense fallback={<StatusMessage>Loading…</StatusMessage>}>
      <ProductDetails />
    </Suspense>
  );
}
