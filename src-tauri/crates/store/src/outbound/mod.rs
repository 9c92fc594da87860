//! Truck-driver outbound reports (外出报告, 货车司机动态管理台账): issue #6.
