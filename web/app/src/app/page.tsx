import { ProductList } from '../components/ProductList';

export default function HomePage() {
  return (
    <>
      <h1>Products</h1>
      <ProductList />
    </>
  );
}
