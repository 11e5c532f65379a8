import type { Component } from 'solid-js';
import { CustomerService } from '../service/CustomerService';
import { CustomerSales } from '../sales/CustomerSales';

/**
 * Sections other modules add to a customer's page (opportunities, quotes, service records,
 * complaints…), in display order. Each module appends its own component here.
 */
export const CUSTOMER_SECTIONS: Component<{ customerId: string }>[] = [CustomerSales, CustomerService];
