import { lazy, type Component } from 'solid-js';

// loaded with the customer page's first render, not with the app
const CustomerSales = lazy(async () => ({ default: (await import('../sales/CustomerSales')).CustomerSales }));
const CustomerService = lazy(async () => ({ default: (await import('../service/CustomerService')).CustomerService }));

/**
 * Sections other modules add to a customer's page (opportunities, quotes, service records,
 * complaints…), in display order. Each module appends its own component here.
 */
export const CUSTOMER_SECTIONS: Component<{ customerId: string }>[] = [CustomerSales, CustomerService];
