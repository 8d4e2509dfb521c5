// The frame of every signed-in page: the menu follows the role (what it may do, from the core
// permission table), the header shows who is signed in, the unread messages and the language.
import { useEffect, useState } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  DashboardOutlined,
  TeamOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FundOutlined,
  InboxOutlined,
  LogoutOutlined,
  OrderedListOutlined,
  ScheduleOutlined,
  SwapOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Badge, Button, Layout, Menu, Segmented, Space, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import {
  RECORD_KINDS,
  RECORD_KIND_DEFINITIONS,
  ROLE_LABELS,
  can,
  type Locale,
  type Role,
} from '@gridwork/core';
import { api } from '@gridwork/client';
import { useAuth, useUser } from '../features/auth/auth.js';
import { MyAccountDrawer } from '../features/accounts/my-account-drawer.js';
import { RECORD_SEGMENTS } from '../features/events/catalogue.js';
import { useLocale } from './i18n.js';
import { dailyMenuFor } from './daily-menu.js';
import { assessmentMenuFor } from './assessment-menu.js';

const DEPARTMENT_ROLES: readonly Role[] = ['dept_handler', 'dept_leader'];
const CENTER_ROLES: readonly Role[] = ['county_admin', 'center_operator'];

type MenuEntry = { key: string; icon?: React.ReactNode; label: string; children?: MenuEntry[] };

export function menuItemsFor(role: Role, t: (zh: string, en: string) => string, locale: Locale): MenuEntry[] {
  const registry: MenuEntry[] = [
    { key: '/registry/persons', label: t('人员', 'People') },
    ...RECORD_KINDS.map((kind) => ({
      key: `/registry/${RECORD_SEGMENTS[kind]}`,
      label: RECORD_KIND_DEFINITIONS[kind].label[locale],
    })),
    ...(can(role, 'person.write')
      ? [{ key: '/registry/imports', label: t('导入导出', 'Import and export') }]
      : []),
    { key: '/registry/quality', label: t('数据质量', 'Data quality') },
  ];
  return [
    ...(can(role, 'event.read')
      ? [{ key: '/', icon: <DashboardOutlined />, label: t('工作台', 'My desk') }]
      : []),
    ...(can(role, 'event.read') && can(role, 'card.read')
      ? [{ key: '/dashboard', icon: <FundOutlined />, label: t('指挥中心', 'Command center') }]
      : []),
    ...(can(role, 'event.read')
      ? [{ key: '/map', icon: <EnvironmentOutlined />, label: t('网格地图', 'Map') }]
      : []),
    ...(CENTER_ROLES.includes(role)
      ? [{ key: '/queue', icon: <ScheduleOutlined />, label: t('受理派遣', 'Center queue') }]
      : []),
    ...(DEPARTMENT_ROLES.includes(role)
      ? [{ key: '/inbox', icon: <InboxOutlined />, label: t('部门待办', 'Department inbox') }]
      : []),
    ...(can(role, 'event.read')
      ? [{ key: '/events', icon: <OrderedListOutlined />, label: t('事件查询', 'Events') }]
      : []),
    ...(can(role, 'person.read')
      ? [
          {
            key: '/registry',
            icon: <DatabaseOutlined />,
            label: t('基础信息', 'Registry'),
            children: registry,
          },
        ]
      : []),
    ...(can(role, 'floating.read')
      ? [
          {
            key: '/floating-menu',
            icon: <SwapOutlined />,
            label: t('流动人口', 'Floating population'),
            children: [
              { key: '/floating', label: t('来去登记', 'Arrivals and departures') },
              { key: '/floating/rentals', label: t('出租屋', 'Rental houses') },
              { key: '/floating/stats', label: t('统计', 'Statistics') },
            ],
          },
        ]
      : []),
    ...(can(role, 'visit.read')
      ? [
          {
            key: '/visits-menu',
            icon: <CarryOutOutlined />,
            label: t('走访', 'Visits'),
            children: [
              { key: '/visits/due', label: t('走访任务', 'Visits due') },
              { key: '/visits/review', label: t('走访记录', 'Visit records') },
              { key: '/visits/compliance', label: t('走访考核', 'Compliance') },
              { key: '/visits/plans', label: t('走访计划', 'Follow-up plans') },
            ],
          },
        ]
      : []),
    ...((daily) =>
      daily.length > 0
        ? [{ key: '/daily-menu', icon: <CalendarOutlined />, label: t('日常运行', 'Daily operations'), children: daily }]
        : [])(dailyMenuFor(role, t)),
    ...((assessment) =>
      assessment.length > 0
        ? [{ key: '/assessment-menu', icon: <TrophyOutlined />, label: t('考核评价', 'Assessment'), children: assessment }]
        : [])(assessmentMenuFor(role, t)),
    ...(can(role, 'territory.read') && can(role, 'grid.manage')
      ? [{ key: '/territory', icon: <ApartmentOutlined />, label: t('网格划分', 'Territory') }]
      : []),
    ...(can(role, 'department.read') &&
    (can(role, 'department.manage') || can(role, 'event.catalogue.manage') || can(role, 'event.act')) &&
    !['dept_handler', 'dept_leader'].includes(role)
      ? [{ key: '/departments', icon: <BankOutlined />, label: t('部门与类别', 'Departments') }]
      : []),
    ...(can(role, 'account.read')
      ? [{ key: '/accounts', icon: <TeamOutlined />, label: t('账号管理', 'Accounts') }]
      : []),
    ...(can(role, 'audit.read')
      ? [{ key: '/audit', icon: <AuditOutlined />, label: t('审计日志', 'Audit trail') }]
      : []),
  ];
}

export function ConsoleLayout() {
  const user = useUser();
  const { signOut } = useAuth();
  const { locale, setLocale, t } = useLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const [unread, setUnread] = useState(0);
  const [account, setAccount] = useState(false);

  useEffect(() => {
    let alive = true;
    const load = () =>
      api.get<{ unread: number }>('/api/inbox', { limit: 1 }).then(
        (inbox) => alive && setUnread(inbox.unread),
        () => undefined,
      );
    void load();
    const timer = setInterval(load, 60_000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [location.pathname]);

  const items = menuItemsFor(user.role, t, locale);
  const keys = items.flatMap((item) => [item.key, ...(item.children ?? []).map((child) => child.key)]);
  const selected =
    keys
      .filter((key) =>
        key === '/'
          ? location.pathname === '/'
          : location.pathname === key || location.pathname.startsWith(`${key}/`),
      )
      .sort((a, b) => b.length - a.length)[0] ?? '/';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} breakpoint="lg" collapsedWidth={0} theme="dark">
        <div style={{ color: '#fff', padding: '16px 16px 12px', fontWeight: 600, lineHeight: 1.4 }}>
          {t('城乡网格化管理服务平台', 'Grid management platform')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          defaultOpenKeys={selected.startsWith('/registry') ? ['/registry'] : selected.startsWith('/floating') ? ['/floating-menu'] : selected.startsWith('/visits') ? ['/visits-menu'] : selected.startsWith('/daily') ? ['/daily-menu'] : selected.startsWith('/assessment') ? ['/assessment-menu'] : []}
          items={items}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Space size="large">
            <Badge count={unread} size="small" title={t('未读消息', 'Unread messages')}>
              <BellOutlined aria-label={t('未读消息', 'Unread messages')} style={{ fontSize: 18 }} />
            </Badge>
            <Segmented
              size="small"
              value={locale}
              onChange={(value) => setLocale(value as typeof locale)}
              options={[
                { label: '中文', value: 'zh-CN' },
                { label: 'English', value: 'en-US' },
              ]}
            />
            <Typography.Link
              data-testid="signed-in"
              onClick={() => setAccount(true)}
              title={t('我的账号', 'My account')}
              style={{ color: 'inherit' }}
            >
              {user.displayName}（{ROLE_LABELS[user.role][locale]}）
            </Typography.Link>
            <Button icon={<LogoutOutlined />} onClick={() => void signOut().then(() => navigate('/'))}>
              {t('退出登录', 'Sign out')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
        <MyAccountDrawer open={account} onClose={() => setAccount(false)} />
      </Layout>
    </Layout>
  );
}
